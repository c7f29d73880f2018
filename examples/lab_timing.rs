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
