//! Training survives what a user can feed it: a failed update is undone completely, and
//! ids or numbers that do not fit the model are errors, never panics.

mod common;

use rnn_playground::error::{NonFinite, Quantity};
use rnn_playground::keras::{Layer, Loss, Sequences, Sequential};
use rnn_playground::loss::Targets;
use rnn_playground::model::{CellKind, Model, OutputKind, Spec};
use rnn_playground::network::{Initial, Inputs};
use rnn_playground::train::{Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};
use rnn_playground::RnnError;

/// A linear 1-1-1 network whose input weight is 1e37: on input 10, h = 1e38, the loss
/// (0 - 1)² is fine, but dL/dW_hy = -2e38 and an SGD step with lr 10 overflows W_hy.
fn overflowing() -> Trainer {
    let mut model = common::tiny_linear_rnn();
    model.params[0] = 1e37;
    Trainer::new(model, TrainConfig { optimizer: OptimizerConfig::sgd(10.0, 0.0), batch_size: 1, ..Default::default() }).unwrap()
}

#[test]
fn a_failed_update_also_undoes_the_optimiser_state() {
    let mut t = overflowing();
    let before = t.model.params.clone();
    let err = t.update(Inputs::Dense(&[10.0]), Targets::Values(&[1.0]), 1, 1, Initial::Zero).unwrap_err();
    assert!(matches!(err, RnnError::Diverged { what: Quantity::Weights, .. }), "{err}");
    assert_eq!(t.model.params, before);
    assert_eq!(t.optimizer.steps, 0, "the step count is rolled back");
    // With the velocity restored to zero, a harmless update now works.
    t.optimizer.set_learning_rate(0.001).unwrap();
    t.update(Inputs::Dense(&[0.0]), Targets::Values(&[0.0]), 1, 1, Initial::Zero).expect("a harmless update after a rolled-back one");
    assert!(t.model.params.iter().all(|w| w.is_finite()));
}

#[test]
fn token_and_class_ids_outside_the_model_are_errors() {
    let spec = Spec { cell: CellKind::Lstm, input_size: 3, units: 2, output_size: 3, output: OutputKind::Softmax };
    let model = Model::zeros(spec).unwrap();
    let mut t = Trainer::new(model, TrainConfig::default()).unwrap();
    let bad_token = Dataset::new(1, 2, SeqInputs::Tokens(vec![0, 7]), SeqTargets::Classes(vec![1, 2])).unwrap();
    let err = t.train_batch(&bad_token).unwrap_err().to_string();
    assert!(err.contains("token id") && err.contains('7'), "{err}");
    let bad_class = Dataset::new(1, 2, SeqInputs::Tokens(vec![0, 1]), SeqTargets::Classes(vec![1, 3])).unwrap();
    let err = t.train_batch(&bad_class).unwrap_err();
    assert_eq!(err, RnnError::ClassOutOfRange { field: "y".into(), step: 1, class: 3, classes: 3 });
}

#[test]
fn keras_class_targets_must_be_whole_numbers_in_range() {
    let mut model = Sequential::new(vec![Layer::lstm(4).return_sequences(true).input_shape(None, 1), Layer::dense(3).activation("softmax")]).unwrap();
    model.compile(Loss::SparseCategoricalCrossentropy, OptimizerConfig::adam(0.01)).unwrap();
    let x = Sequences::new(1, 2, 1, vec![0.5, -0.5]).unwrap();
    for (y, needle) in [(5.0, "only 3 classes"), (-1.0, "class -1"), (1.5, "whole number")] {
        let ys = Sequences::new(1, 2, 1, vec![0.0, y]).unwrap();
        let err = model.fit(&x, &ys, 1, 1).unwrap_err().to_string();
        assert!(err.contains(needle), "y = {y}: {err}");
    }
}

#[test]
fn nan_in_the_data_is_named_as_such_not_as_an_explosion() {
    let err =
        Dataset::new(1, 2, SeqInputs::Dense { features: 1, data: vec![0.0, f32::NAN] }, SeqTargets::Values { outputs: 1, data: vec![0.0, 1.0] }).unwrap_err();
    assert!(matches!(&err, RnnError::NotFinite { field, at, value } if field == "x" && at == "number 1" && *value == NonFinite::Nan), "{err:?}");
    assert!(err.to_string().contains("`x` contains NaN"), "{err}");
}
