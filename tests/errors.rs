//! Every bad input a user can give gets an error that names the field and, where a shape is
//! wrong, the shape expected and the shape found; none of them panics.
//!
//! The good inputs are the parity fixtures' models and requests (the LSTM with I = 3, U = 4,
//! O = 2 and a linear output; the GRU with reset_after; the tanh simple RNN with a softmax
//! output of O = 3 classes, all with T = 5 steps); each test breaks one thing.

use std::path::Path;

use rnn_playground::data::sine::{generate, SineConfig};
use rnn_playground::data::text::{Sentence, Tokenize};
use rnn_playground::format::model_file::model_from_json;
use rnn_playground::format::trace::trace_from_json;
use rnn_playground::keras::{Layer, Loss, Sequences, Sequential};
use rnn_playground::loss::Targets;
use rnn_playground::model::{CellKind, Model, OutputKind, Spec};
use rnn_playground::network::{Initial, Inputs};
use rnn_playground::train::{Bptt, Clip, Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};
use rnn_playground::RnnError;
use serde_json::{json, Value};

/// The `model` and `request` of a parity fixture.
fn fixture(name: &str) -> (Value, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parity").join(format!("{name}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    (v["model"].clone(), v["request"].clone())
}

const LSTM: &str = "lstm-mse-every_step";
const GRU_AFTER: &str = "gru_reset_after-mse-last_step";
const SOFTMAX: &str = "simple_rnn-tanh-cross_entropy-every_step";

/// The error message of reading `model` (which must fail).
fn model_error(model: &Value) -> String {
    model_text_error(&model.to_string())
}

fn model_text_error(text: &str) -> String {
    let err = model_from_json(text).expect_err("this model must be refused").to_string();
    // The same model given to `trace` fails the same way.
    let (_, request) = fixture(LSTM);
    assert_eq!(trace_from_json(text, &request.to_string()).unwrap_err().to_string(), err);
    err
}

/// The error message of tracing `request` on `model` (which must fail).
fn request_error(model: &Value, request: &Value) -> String {
    request_text_error(model, &request.to_string())
}

fn request_text_error(model: &Value, request: &str) -> String {
    trace_from_json(&model.to_string(), request).expect_err("this request must be refused").to_string()
}

/// Asserts `message` contains every piece.
fn says(message: &str, pieces: &[&str]) {
    for piece in pieces {
        assert!(message.contains(piece), "the message {message:?} should mention {piece:?}");
    }
}

/// The good inputs are accepted (so the errors below come from what each test breaks).
#[test]
fn the_unbroken_fixtures_are_accepted() {
    for name in [LSTM, GRU_AFTER, SOFTMAX] {
        let (model, request) = fixture(name);
        trace_from_json(&model.to_string(), &request.to_string()).unwrap();
    }
}

// ---- The model file ----

#[test]
fn kernel_with_too_few_rows_names_the_expected_shape() {
    let (mut model, _) = fixture(LSTM);
    model["weights"]["kernel"].as_array_mut().unwrap().pop();
    let err = model_error(&model);
    assert_eq!(err, "`weights.kernel` should have shape [3][16], got [2][16]");
}

#[test]
fn ragged_kernel_rows_name_the_row() {
    let (mut model, _) = fixture(LSTM);
    model["weights"]["recurrent_kernel"][2].as_array_mut().unwrap().pop();
    let err = model_error(&model);
    assert_eq!(err, "`weights.recurrent_kernel[2]` should have shape [16], got [15]");
}

#[test]
fn gru_reset_after_bias_with_one_row_asks_for_two() {
    let (mut model, _) = fixture(GRU_AFTER);
    let first_row = model["weights"]["bias"][0].clone();
    model["weights"]["bias"] = first_row;
    let err = model_error(&model);
    assert_eq!(err, "`weights.bias` should have shape [2][12], got [12]");
}

#[test]
fn gru_reset_before_bias_with_two_rows_asks_for_one() {
    let (mut model, _) = fixture(GRU_AFTER);
    model["reset_after"] = json!(false);
    let err = model_error(&model);
    says(&err, &["`weights.bias`", "[12]", "[2][12]"]);
}

#[test]
fn dense_layer_shapes_are_checked() {
    let (mut model, _) = fixture(LSTM);
    model["weights"]["dense_kernel"] = json!([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]);
    assert_eq!(model_error(&model), "`weights.dense_kernel[0]` should have shape [2], got [3]");
    let (mut model, _) = fixture(LSTM);
    model["weights"]["dense_bias"] = json!([0.5]);
    assert_eq!(model_error(&model), "`weights.dense_bias` should have shape [2], got [1]");
    let (mut model, _) = fixture(LSTM);
    model["weights"]["dense_bias"] = json!(0.5);
    assert_eq!(model_error(&model), "`weights.dense_bias` should be an array of shape [2], got 0.5");
}

#[test]
fn a_string_among_the_weights_names_its_place() {
    let (mut model, _) = fixture(LSTM);
    model["weights"]["kernel"][0][1] = json!("0.5");
    let err = model_error(&model);
    assert_eq!(err, "`weights.kernel[0][1]` should be a number, got the text \"0.5\"");
}

#[test]
fn unknown_cell_lists_the_known_ones() {
    let (mut model, _) = fixture(LSTM);
    model["cell"] = json!("transformer");
    assert_eq!(model_error(&model), "`cell` is \"transformer\": expected one of \"simple_rnn\", \"lstm\", \"gru\"");
}

/// Python's `json.dump` writes NaN, Infinity and -Infinity as bare words; each is refused
/// with the tensor and the index.
#[test]
fn nan_and_infinity_in_weights_name_the_tensor_and_index() {
    for (word, shown) in [("NaN", "NaN"), ("Infinity", "inf"), ("-Infinity", "-inf")] {
        let (mut model, _) = fixture(LSTM);
        model["weights"]["recurrent_kernel"][1][2] = json!(12345.5);
        let text = model.to_string().replace("12345.5", word);
        let err = model_text_error(&text);
        assert_eq!(err, format!("`weights.recurrent_kernel` contains {shown} at [1][2]; every number must be finite"));
    }
    let (mut model, _) = fixture(GRU_AFTER);
    model["weights"]["bias"][1][3] = json!(12345.5);
    let err = model_text_error(&model.to_string().replace("12345.5", "NaN"));
    says(&err, &["`weights.bias`", "NaN", "[1][3]"]);
    let (mut model, _) = fixture(LSTM);
    model["weights"]["dense_bias"][1] = json!(12345.5);
    let err = model_text_error(&model.to_string().replace("12345.5", "Infinity"));
    says(&err, &["`weights.dense_bias`", "inf", "[1]"]);
}

/// A number too large for f32 is infinite once read, and refused as such.
#[test]
fn a_weight_beyond_f32_is_refused_as_infinite() {
    let (mut model, _) = fixture(LSTM);
    model["weights"]["kernel"][0][0] = json!(1e300);
    says(&model_error(&model), &["`weights.kernel`", "inf", "[0][0]"]);
}

#[test]
fn wrong_format_string_shows_both() {
    let (mut model, _) = fixture(LSTM);
    model["format"] = json!("rnn-playground/model@2");
    assert_eq!(model_error(&model), "`format` is \"rnn-playground/model@2\", expected \"rnn-playground/model@1\"");
    model["format"] = json!(1);
    says(&model_error(&model), &["`format`", "should be a string"]);
}

#[test]
fn missing_fields_are_named_with_their_parent() {
    for field in ["format", "cell", "input_size", "units", "output_size", "output", "weights"] {
        let (mut model, _) = fixture(LSTM);
        model.as_object_mut().unwrap().remove(field);
        assert_eq!(model_error(&model), format!("`{field}` is missing: this field is required"));
    }
    for field in ["kernel", "recurrent_kernel", "bias", "dense_kernel", "dense_bias"] {
        let (mut model, _) = fixture(LSTM);
        model["weights"].as_object_mut().unwrap().remove(field);
        assert_eq!(model_error(&model), format!("`weights.{field}` is missing: this field is required"));
    }
}

#[test]
fn bad_activation_name_lists_the_allowed_ones() {
    let (mut model, _) = fixture(SOFTMAX);
    model["activation"] = json!("softplus");
    assert_eq!(model_error(&model), "`activation` is \"softplus\": expected one of \"tanh\", \"relu\", \"sigmoid\", \"linear\"");
    model["activation"] = json!(3);
    assert_eq!(model_error(&model), "`activation` should be a name, got 3");
}

#[test]
fn an_activation_on_an_lstm_is_refused() {
    let (mut model, _) = fixture(LSTM);
    model["activation"] = json!("relu");
    says(&model_error(&model), &["`activation` = relu", "`cell` = lstm"]);
}

#[test]
fn bad_output_and_reset_after_values() {
    let (mut model, _) = fixture(LSTM);
    model["output"] = json!("sigmoid");
    assert_eq!(model_error(&model), "`output` is \"sigmoid\": expected one of \"softmax\", \"linear\"");
    let (mut model, _) = fixture(GRU_AFTER);
    model["reset_after"] = json!("yes");
    says(&model_error(&model), &["`reset_after`", "should be true or false"]);
}

#[test]
fn sizes_must_be_positive_whole_numbers_within_the_limit() {
    for (bad, message) in [
        (json!(0), "`units` is 0: it must be between 1 and 4096"),
        (json!(-3), "`units` is -3: it must be between 1 and 4096"),
        (json!(2.5), "`units` is 2.5: it must be a whole number"),
        (json!("4"), "`units` should be a whole number from 0, got the text \"4\""),
        // A number past a 32-bit word is refused, not cut to 4.
        (json!(4_294_967_300u64), "`units` is 4294967300: it must be between 1 and 4096"),
    ] {
        let (mut model, _) = fixture(LSTM);
        model["units"] = bad;
        assert_eq!(model_error(&model), message);
    }
    let (mut model, _) = fixture(LSTM);
    model["input_size"] = json!(100_000);
    assert_eq!(model_error(&model), "`input_size` is 100000: it must be between 1 and 4096");
}

#[test]
fn text_that_is_not_json_or_not_an_object() {
    says(&model_text_error("{\"format\": "), &["could not read the JSON", "the text ends too soon"]);
    says(&model_text_error(""), &["could not read the JSON"]);
    assert_eq!(model_text_error("[1, 2]"), "`model` should be an object, got an array of shape [2]");
}

// ---- The trace request ----

#[test]
fn empty_sequence_is_refused() {
    let (model, mut request) = fixture(LSTM);
    request["x"] = json!([]);
    request["y"] = json!([]);
    assert_eq!(request_error(&model, &request), "`x` is empty");
}

#[test]
fn x_rows_of_the_wrong_width_name_the_input_size() {
    let (model, mut request) = fixture(LSTM);
    request["x"] = json!([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8], [0.9, 1.0]]);
    assert_eq!(request_error(&model, &request), "`x[0]` should have shape [3], got [2]");
    request["x"] = json!([0.1, 0.2, 0.3]);
    assert_eq!(request_error(&model, &request), "`x[0]` should be an array of shape [3], got 0.1");
}

#[test]
fn nan_in_the_inputs_names_the_step() {
    let (model, mut request) = fixture(LSTM);
    request["x"][3][1] = json!(12345.5);
    let text = request.to_string().replace("12345.5", "NaN");
    assert_eq!(request_text_error(&model, &text), "`x` contains NaN at [3][1]; every number must be finite");
    let (model, mut request) = fixture(LSTM);
    request["y"][0][0] = json!(12345.5);
    let text = request.to_string().replace("12345.5", "-Infinity");
    assert_eq!(request_text_error(&model, &text), "`y` contains -inf at [0][0]; every number must be finite");
}

#[test]
fn class_id_out_of_range_names_step_and_class_count() {
    let (model, mut request) = fixture(SOFTMAX);
    request["y"] = json!([1, 0, 3, 2, 2]);
    assert_eq!(request_error(&model, &request), "`y` has class 3 at step 2, but the output has only 3 classes (0..3)");
}

#[test]
fn negative_class_id_is_refused() {
    let (model, mut request) = fixture(SOFTMAX);
    request["y"] = json!([1, 0, 2, -1, 2]);
    says(&request_error(&model, &request), &["`y`", "class -1 at step 3", "3 classes"]);
}

#[test]
fn non_integer_class_id_is_refused() {
    let (model, mut request) = fixture(SOFTMAX);
    for (bad, shown) in [(json!(1.5), "1.5"), (json!("1"), "\"1\""), (json!(null), "null")] {
        request["y"][4] = bad;
        assert_eq!(request_error(&model, &request), format!("`y[4]` is {shown}: it must be a whole number"));
    }
}

#[test]
fn class_ids_of_the_wrong_length_name_t() {
    let (model, mut request) = fixture(SOFTMAX);
    request["y"] = json!([1, 0, 2]);
    assert_eq!(request_error(&model, &request), "`y` should have shape [5], got [3]");
    request["y"] = json!([[1], [0], [2], [2], [2]]);
    assert_eq!(request_error(&model, &request), "`y[0]` is [1]: it must be a whole number");
}

#[test]
fn wrong_y_shape_for_mse_names_t_and_o() {
    let (model, mut request) = fixture(LSTM);
    request["y"].as_array_mut().unwrap().pop();
    assert_eq!(request_error(&model, &request), "`y` should have shape [5][2], got [4][2]");
    let (model, mut request) = fixture(LSTM);
    request["y"] = json!([0, 1, 0, 1, 0]);
    assert_eq!(request_error(&model, &request), "`y[0]` should be an array of shape [2], got 0");
}

#[test]
fn cross_entropy_with_a_linear_output_asks_for_softmax() {
    let (model, mut request) = fixture(LSTM);
    request["loss"] = json!("cross_entropy");
    request["y"] = json!([0, 1, 0, 1, 0]);
    assert_eq!(request_error(&model, &request), "`loss` = cross_entropy does not go with `output` = linear");
}

#[test]
fn unknown_loss_and_loss_at() {
    let (model, mut request) = fixture(LSTM);
    request["loss"] = json!("hinge");
    assert_eq!(request_error(&model, &request), "`loss` is \"hinge\": expected one of \"mse\", \"cross_entropy\"");
    let (model, mut request) = fixture(LSTM);
    request["loss_at"] = json!("sometimes");
    assert_eq!(request_error(&model, &request), "`loss_at` is \"sometimes\": expected one of \"every_step\", \"last_step\"");
    request["loss_at"] = json!(3);
    assert_eq!(request_error(&model, &request), "`loss_at` should be a name, got 3");
}

#[test]
fn missing_request_fields() {
    for field in ["x", "y", "loss"] {
        let (model, mut request) = fixture(LSTM);
        request.as_object_mut().unwrap().remove(field);
        assert_eq!(request_error(&model, &request), format!("`{field}` is missing: this field is required"));
    }
    // loss_at is optional (every step by default).
    let (model, mut request) = fixture(LSTM);
    request.as_object_mut().unwrap().remove("loss_at");
    trace_from_json(&model.to_string(), &request.to_string()).unwrap();
}

#[test]
fn request_that_is_not_json_or_not_an_object() {
    let (model, _) = fixture(LSTM);
    says(&request_text_error(&model, "{\"x\": [[1, 2, 3]"), &["could not read the JSON"]);
    assert_eq!(request_text_error(&model, "\"x\""), "`request` should be an object, got the text \"x\"");
}

// ---- Training settings and data ----

fn small_model(output: OutputKind) -> Model {
    let spec = Spec { cell: CellKind::Lstm, input_size: 2, units: 3, output_size: 2, output };
    rnn_playground::init::init_model(spec, &Default::default()).unwrap()
}

fn trainer_error(config: TrainConfig) -> String {
    Trainer::new(small_model(OutputKind::Linear), config).expect_err("these settings must be refused").to_string()
}

#[test]
fn learning_rate_must_be_positive_and_finite() {
    for lr in [0.0, -0.01] {
        for optimizer in [OptimizerConfig::adam(lr), OptimizerConfig::sgd(lr, 0.0)] {
            let err = trainer_error(TrainConfig { optimizer, ..Default::default() });
            assert_eq!(err, format!("`learning_rate` is {lr}: it must be between 0.0000001 and 10"));
        }
    }
    says(&trainer_error(TrainConfig { optimizer: OptimizerConfig::adam(f32::NAN), ..Default::default() }), &["`learning_rate` is NaN"]);
    says(&trainer_error(TrainConfig { optimizer: OptimizerConfig::adam(100.0), ..Default::default() }), &["`learning_rate` is 100"]);
}

#[test]
fn optimizer_settings_are_checked() {
    says(&trainer_error(TrainConfig { optimizer: OptimizerConfig::sgd(0.1, 1.0), ..Default::default() }), &["`momentum` is 1", "between 0 and 0.999"]);
    let adam = OptimizerConfig::Adam { learning_rate: 0.01, beta1: 0.9, beta2: 1.5, epsilon: 1e-7 };
    says(&trainer_error(TrainConfig { optimizer: adam, ..Default::default() }), &["`beta2` is 1.5"]);
    let adam = OptimizerConfig::Adam { learning_rate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 0.0 };
    says(&trainer_error(TrainConfig { optimizer: adam, ..Default::default() }), &["`epsilon` is 0", "between 0.000000000001 and 1"]);
}

#[test]
fn clip_batch_and_bptt_settings_are_checked() {
    says(&trainer_error(TrainConfig { clip: Clip::GlobalNorm(0.0), ..Default::default() }), &["`clip_threshold` is 0", "between 0.01 and 1000"]);
    says(&trainer_error(TrainConfig { clip: Clip::Value(f32::INFINITY), ..Default::default() }), &["`clip_threshold` is inf", "finite"]);
    says(&trainer_error(TrainConfig { batch_size: 0, ..Default::default() }), &["`batch_size` is 0", "between 1 and 65536"]);
    says(&trainer_error(TrainConfig { bptt: Bptt::Truncated(0), ..Default::default() }), &["`bptt` is 0", "between 1 and"]);
    let config = TrainConfig { bptt: Bptt::Truncated(5), loss_at: rnn_playground::loss::LossAt::LastStep, ..Default::default() };
    says(&trainer_error(config), &["`bptt` = truncated", "`loss_at` = last_step"]);
}

#[test]
fn an_update_with_class_targets_on_a_linear_output_is_refused() {
    let mut trainer = Trainer::new(small_model(OutputKind::Linear), TrainConfig::default()).unwrap();
    let before = trainer.model.params.clone();
    let err = trainer.update(Inputs::Dense(&[0.1, 0.2]), Targets::Classes(&[1]), 1, 1, Initial::Zero).unwrap_err();
    says(&err.to_string(), &["`loss` = cross_entropy", "`output` = linear"]);
    assert_eq!(trainer.model.params, before);
}

#[test]
fn dataset_buffers_of_the_wrong_size_name_x_or_y() {
    let x = SeqInputs::Dense { features: 2, data: vec![0.0; 2 * 3 * 2] };
    let y = SeqTargets::Values { outputs: 1, data: vec![0.0; 5] };
    assert_eq!(Dataset::new(2, 3, x.clone(), y).unwrap_err().to_string(), "`y` should have shape [6], got [5]");
    let y = SeqTargets::Values { outputs: 1, data: vec![0.0; 6] };
    assert_eq!(Dataset::new(2, 4, x.clone(), y.clone()).unwrap_err().to_string(), "`x` should have shape [16], got [12]");
    assert_eq!(Dataset::new(2, 0, x.clone(), y.clone()).unwrap_err(), RnnError::Empty { field: "x".into() });
    says(&Dataset::new(0, 3, x, y).unwrap_err().to_string(), &["`x` is empty"]);
}

#[test]
fn data_generators_refuse_bad_sizes() {
    says(&generate(&SineConfig { length: 0, ..Default::default() }).unwrap_err().to_string(), &["`length` is 0"]);
    says(&generate(&SineConfig { noise: -1.0, ..Default::default() }).unwrap_err().to_string(), &["`noise` is -1"]);
    assert_eq!(Sentence::new(" \t ", Tokenize::Chars).unwrap_err().to_string(), "`text` is empty");
    let long = vec!["w"; 65].join(" ");
    says(&Sentence::new(&long, Tokenize::Words).unwrap_err().to_string(), &["`text` has 65 tokens", "at most 64"]);
}

#[test]
fn keras_api_misuse_is_explained() {
    let x = Sequences::new(4, 5, 1, vec![0.1; 20]).unwrap();
    assert_eq!(Sequences::new(4, 5, 1, vec![0.1; 19]).unwrap_err().to_string(), "`x` should have shape [20], got [19]");
    // No input_shape on the recurrent layer.
    let err = Sequential::new(vec![Layer::simple_rnn(8), Layer::dense(1)]).unwrap_err().to_string();
    says(&err, &["input_shape=(None, features)"]);
    // Two dense layers.
    let err = Sequential::new(vec![Layer::dense(3), Layer::dense(1)]).unwrap_err().to_string();
    says(&err, &["one recurrent layer followed by one Dense layer"]);
    let mut model = Sequential::new(vec![Layer::simple_rnn(8).return_sequences(true).input_shape(None, 1), Layer::dense(1)]).unwrap();
    // fit before compile.
    says(&model.fit(&x, &x, 1, 2).unwrap_err().to_string(), &["compile"]);
    // sparse categorical cross-entropy without softmax.
    says(
        &model.compile(Loss::SparseCategoricalCrossentropy, OptimizerConfig::adam(0.01)).unwrap_err().to_string(),
        &["`loss` = sparse_categorical_crossentropy", "`output` = linear"],
    );
    model.compile(Loss::MeanSquaredError, OptimizerConfig::adam(0.01)).unwrap();
    // y with the wrong number of steps; x with the wrong number of features.
    let y = Sequences::new(4, 4, 1, vec![0.1; 16]).unwrap();
    assert_eq!(model.fit(&x, &y, 1, 2).unwrap_err().to_string(), "`y_train` should have shape [4][5][1], got [4][4][1]");
    let x2 = Sequences::new(4, 5, 2, vec![0.1; 40]).unwrap();
    assert_eq!(model.fit(&x2, &x, 1, 2).unwrap_err().to_string(), "`x_train` should have shape [N][T][1], got [4][5][2]");
    assert_eq!(model.predict(&x2).unwrap_err().to_string(), "`x` should have shape [N][T][1], got [4][5][2]");
    says(&model.fit(&x, &x, 1, 0).unwrap_err().to_string(), &["`batch_size` is 0"]);
    // return_sequences=False wants one target per sequence, [N][1][·] (Keras's [N][·]).
    let mut last_only = Sequential::new(vec![Layer::simple_rnn(8).input_shape(None, 1), Layer::dense(1)]).unwrap();
    last_only.compile(Loss::MeanSquaredError, OptimizerConfig::adam(0.01)).unwrap();
    assert_eq!(last_only.fit(&x, &x, 1, 2).unwrap_err().to_string(), "`y_train` should have shape [4][1][1], got [4][5][1]");
}
