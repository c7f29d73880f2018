use rnn_playground::lab::explode::{ExplodeConfig, ExplodeRun};
use rnn_playground::lab::LabConfig;
use rnn_playground::train::{Clip, OptimizerConfig};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (act, rho, clip, lr, mom, updates, len): (String, f32, f32, f32, f32, usize, usize) = (
        a[1].clone(),
        a[2].parse().unwrap(),
        a[3].parse().unwrap(),
        a[4].parse().unwrap(),
        a[5].parse().unwrap(),
        a[6].parse().unwrap(),
        a[7].parse().unwrap(),
    );
    let lab = LabConfig { radius: rho, seq_len: len, activation: act, ..Default::default() };
    let mut r = ExplodeRun::new(
        &lab,
        ExplodeConfig {
            clip: if clip > 0.0 { Clip::GlobalNorm(clip) } else { Clip::None },
            updates,
            optimizer: OptimizerConfig::sgd(lr, mom),
            ..Default::default()
        },
    )
    .unwrap();
    r.step(updates);
    let n = r.records.len();
    let tail = &r.records[n.saturating_sub(20)..];
    let loss: f32 = tail.iter().map(|x| x.loss).sum::<f32>() / tail.len() as f32;
    let acc: f32 = tail.iter().map(|x| x.accuracy).sum::<f32>() / tail.len() as f32;
    println!("{:?}: {} updates, last-20 loss {:.3} acc {:.3}, stopped {:?}", &a[1..], n, loss, acc, r.stopped.as_deref().map(|s| &s[..40]));
}
