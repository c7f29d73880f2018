//! One training step (forward, loss, BPTT, Adam) of each benchmark workload.
//! `cargo bench --bench train_step`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rnn_playground::bench::{char_model, seed_example, Workload};

fn bench_workload(c: &mut Criterion, name: &str, mut w: Workload) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(w.info.tokens_per_batch as u64));
    group.bench_function("one batch", |b| b.iter(|| w.run_batches(1).unwrap()));
    group.finish();
}

fn train_step(c: &mut Criterion) {
    bench_workload(c, "A seed example (batch 32, T 50, 50 units)", seed_example().unwrap());
    bench_workload(c, "B char model simple RNN (batch 32, T 32, 128 units, V 64)", char_model(false).unwrap());
    bench_workload(c, "B char model LSTM (batch 32, T 32, 128 units, V 64)", char_model(true).unwrap());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = train_step
}
criterion_main!(benches);
