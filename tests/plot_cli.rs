//! `rnnp plot` writes the lab's charts as SVG and PNG files drawn by the page's code.

mod common;

use common::{rnnp, scratch};

#[test]
fn flow_chart_as_svg_has_both_lines_and_the_labels() {
    let dir = scratch();
    let svg = dir.path().join("flow.svg");
    let out = rnnp(&["plot", "flow", "--cell", "simple_rnn", "--radius", "1.5", "--seq-len", "50", "-o", svg.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("rho = 1.5") && text.contains("measured") && text.contains("||dL/dh_T|| rho^(T-t)"));
    // Two data lines of 50 points each (the dashed reference is drawn in many pieces).
    let polylines = text.matches("<polyline").count();
    assert!(polylines >= 2, "{polylines} polylines");
}

#[test]
fn spectrum_as_png_is_an_image_of_the_asked_size() {
    let dir = scratch();
    let png = dir.path().join("spectrum.png");
    let out = rnnp(&["plot", "spectrum", "--init", "gaussian", "--width", "640", "--height", "360", "-o", png.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, at bytes 16..24.
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 640);
    assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), 360);
    // A blank 640×360 PNG compresses to about a kilobyte; a drawn chart does not.
    assert!(bytes.len() > 20_000, "{} bytes", bytes.len());
}

#[test]
fn a_wrong_extension_is_a_clear_error() {
    let out = rnnp(&["plot", "flow", "-o", &common::path_in(&scratch(), "flow.jpg")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".png or .svg"), "{err}");
}
