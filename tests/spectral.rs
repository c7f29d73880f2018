//! Eigenvalues and singular values against NumPy (LAPACK), to 1e-4: the numbers the
//! gradient lab's spectral view shows. The fixture and the script that made it are in
//! tests/fixtures/spectral.

use rnn_playground::format::json::parse;
use rnn_playground::spectral::{eigenvalues, singular_values, spectral_radius};

#[test]
fn eigenvalues_and_singular_values_agree_with_numpy() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spectral/spectral.json")).unwrap();
    let fixture = parse(&text).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let n = case["n"].as_u64().unwrap() as usize;
        let m: Vec<f32> = case["matrix"].as_array().unwrap().iter().flat_map(|r| r.as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32)).collect();
        let name = case["name"].as_str().unwrap();
        // Eigenvalues: every reference value has one of ours within 1e-4 (as a multiset).
        let ours = eigenvalues(n, &m).expect("converges");
        assert_eq!(ours.len(), n);
        let mut unused: Vec<bool> = vec![true; n];
        for want in case["eigenvalues"].as_array().unwrap() {
            let (re, im) = (want[0].as_f64().unwrap(), want[1].as_f64().unwrap());
            let (k, d) = ours
                .iter()
                .enumerate()
                .filter(|(k, _)| unused[*k])
                .map(|(k, l)| (k, ((l.re - re).powi(2) + (l.im - im).powi(2)).sqrt()))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap();
            assert!(d < 1e-4, "{name}: eigenvalue {re}+{im}i is {d} from ours");
            unused[k] = false;
        }
        let rho = spectral_radius(n, &m).unwrap();
        assert!((rho - case["spectral_radius"].as_f64().unwrap()).abs() < 1e-4, "{name}: ρ {rho}");
        let sv = singular_values(n, n, &m);
        let want = case["singular_values"].as_array().unwrap();
        assert_eq!(sv.len(), want.len(), "{name}");
        assert_eq!(case["eigenvalues"].as_array().unwrap().len(), n, "{name}");
        for (a, b) in sv.iter().zip(want) {
            assert!((a - b.as_f64().unwrap()).abs() < 1e-4, "{name}: σ {a} vs {b}");
        }
    }
}
