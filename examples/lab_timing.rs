//! How long the gradient lab's experiments take natively, at the page's settings: one flow
//! with the step Jacobians, one without, and the flows of all three cells (three runs of
//! each). The lab computes the Jacobians only when their chart is asked for; this is the
//! measure behind that. Run with `cargo run --release --example lab_timing`.

use rnn_playground::lab::flow::{flow, flows_for_all_cells};
use rnn_playground::lab::LabConfig;
fn main() {
    let c = LabConfig::default();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let _ = flow(&c, true).unwrap();
        let a = t.elapsed();
        let t = std::time::Instant::now();
        let _ = flow(&c, false).unwrap();
        let b = t.elapsed();
        let t = std::time::Instant::now();
        let _ = flows_for_all_cells(&c).unwrap();
        let d = t.elapsed();
        println!("flow+jac {:?} flow {:?} all cells {:?}", a, b, d);
    }
}
