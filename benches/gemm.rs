//! Our matrix-product kernel against ndarray's (matrixmultiply) on the shapes the models
//! use. The kernel stays because it is as fast or faster here and, unlike ndarray's
//! run-time-selected kernels, sums in the same order on every platform (bit-identical
//! native and WebAssembly results). `cargo bench --bench gemm`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ndarray::Array2;
use rnn_playground::linalg::{gemm_acc, View};
use rnn_playground::rng::Rng;

fn random(n: usize, rng: &mut Rng) -> Vec<f32> {
    (0..n).map(|_| rng.uniform(-1.0, 1.0)).collect()
}

fn gemm(c: &mut Criterion) {
    let mut rng = Rng::new(1);
    // (m, n, k): batch × (gates·units) × units, as in one recurrent step, and the output layer.
    let shapes = [(32, 50, 50), (32, 128, 128), (32, 512, 128), (1024, 64, 128), (128, 512, 1024)];
    let mut group = c.benchmark_group("gemm C += A·B");
    for &(m, n, k) in &shapes {
        let a = random(m * k, &mut rng);
        let b = random(k * n, &mut rng);
        let label = format!("{m}x{n}x{k}");
        group.throughput(Throughput::Elements((2 * m * n * k) as u64));
        let mut out = vec![0.0f32; m * n];
        group.bench_with_input(BenchmarkId::new("ours", &label), &(), |bench, _| bench.iter(|| gemm_acc(m, n, k, View::rows(&a, k), &b, n, &mut out, n)));
        let aa = Array2::from_shape_vec((m, k), a.clone()).unwrap();
        let bb = Array2::from_shape_vec((k, n), b.clone()).unwrap();
        let mut cc = Array2::<f32>::zeros((m, n));
        group.bench_with_input(BenchmarkId::new("ndarray", &label), &(), |bench, _| {
            bench.iter(|| ndarray::linalg::general_mat_mul(1.0, &aa, &bb, 1.0, &mut cc))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = gemm
}
criterion_main!(benches);
