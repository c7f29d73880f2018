//! For `npm run bench` only (feature `gemm-compare`): the engine's matrix kernel and
//! ndarray's, in WebAssembly, on the same product, so JavaScript can time both.

use ndarray::Array2;
use wasm_bindgen::prelude::*;

use rnn_playground::linalg::{gemm_acc, View};

/// Runs C += A·B `iterations` times with `which` = "ours" or "ndarray" on m×k and k×n
/// matrices of fixed values; with `transposed_a` A is stored k×m and read transposed (the
/// weight-gradient products Hᵀ·δ). Returns one entry of C (so the work cannot be skipped).
#[wasm_bindgen(js_name = gemmRun)]
pub fn gemm_run(which: &str, m: usize, n: usize, k: usize, iterations: u32, transposed_a: bool) -> f32 {
    let a: Vec<f32> = (0..m * k).map(|i| ((i * 7 % 13) as f32 - 6.0) * 0.01).collect();
    let b: Vec<f32> = (0..k * n).map(|i| ((i * 5 % 11) as f32 - 5.0) * 0.01).collect();
    match which {
        "ours" => {
            let mut c = vec![0.0f32; m * n];
            let view = if transposed_a { View::transposed(&a, m) } else { View::rows(&a, k) };
            for _ in 0..iterations {
                gemm_acc(m, n, k, view, &b, n, &mut c, n);
            }
            c[m * n / 2]
        }
        _ if transposed_a => {
            let at = Array2::from_shape_vec((k, m), a).expect("shape");
            let bb = Array2::from_shape_vec((k, n), b).expect("shape");
            let mut cc = Array2::<f32>::zeros((m, n));
            for _ in 0..iterations {
                ndarray::linalg::general_mat_mul(1.0, &at.t(), &bb, 1.0, &mut cc);
            }
            cc[[m / 2, n / 2]]
        }
        _ => {
            let aa = Array2::from_shape_vec((m, k), a).expect("shape");
            let bb = Array2::from_shape_vec((k, n), b).expect("shape");
            let mut cc = Array2::<f32>::zeros((m, n));
            for _ in 0..iterations {
                ndarray::linalg::general_mat_mul(1.0, &aa, &bb, 1.0, &mut cc);
            }
            cc[[m / 2, n / 2]]
        }
    }
}

/// Makes every matrix product of the engine use "ours" or "ndarray".
#[wasm_bindgen(js_name = setKernel)]
pub fn set_kernel(which: &str) {
    rnn_playground::linalg::compare::USE_NDARRAY.store(which == "ndarray", std::sync::atomic::Ordering::Relaxed);
}
