//! Texts the page shows as code: the command line and the Keras program of a configuration,
//! written from the config itself so they always match what the page runs.

use crate::series::SeriesConfig;
use crate::session::SentenceConfig;
use crate::settings::{CellName, Choices, ClipMode, OptimizerName};

/// A number as a person writes it in code (0.001, 1024, 0.5).
fn num(x: f64) -> String {
    format!("{x}")
}

/// `rnnp train series …` with every setting that differs from the command's defaults
/// (which are the page's).
pub fn series_command(c: &SeriesConfig) -> String {
    let d = SeriesConfig::default();
    let mut parts = vec!["rnnp train series".to_string()];
    let mut flag = |name: &str, value: String, default: String| {
        if value != default {
            parts.push(format!("--{name} {value}"));
        }
    };
    flag("epochs", c.epochs.to_string(), d.epochs.to_string());
    flag("batch-size", c.batch_size.to_string(), d.batch_size.to_string());
    flag("units", c.units.to_string(), d.units.to_string());
    flag("lr", num(c.learning_rate), num(d.learning_rate));
    flag("sequences", c.sequences.to_string(), d.sequences.to_string());
    flag("length", c.length.to_string(), d.length.to_string());
    flag("noise", num(c.noise), num(d.noise));
    flag("seed", c.seed.to_string(), d.seed.to_string());
    parts.join(" ")
}

/// The seed's Keras program with this configuration's model and training settings.
pub fn series_keras(c: &SeriesConfig) -> String {
    let optimizer = if c.learning_rate == 0.001 { "'adam'".to_string() } else { format!("tf.keras.optimizers.Adam({})", num(c.learning_rate)) };
    format!(
        "model = tf.keras.models.Sequential([
    tf.keras.layers.SimpleRNN({units}, return_sequences=True,
                              input_shape=(None, 1)),
    tf.keras.layers.Dense(1)
])
model.compile(loss='mean_squared_error', optimizer={optimizer})
history = model.fit(x_train, y_train,
                    epochs={epochs}, batch_size={batch})
y_pred = model.predict(x_test)",
        units = c.units,
        epochs = c.epochs,
        batch = c.batch_size
    )
}

/// The same program in this engine's Rust API (`rnn_playground::keras`).
pub fn series_rust(c: &SeriesConfig) -> String {
    format!(
        "let mut model = Sequential::new(vec![
    Layer::simple_rnn({units}).return_sequences(true)
                         .input_shape(None, 1),
    Layer::dense(1),
])?;
model.compile(Loss::MeanSquaredError,
              OptimizerConfig::adam({lr}))?;
let history = model.fit(&x_train, &y_train, {epochs}, {batch})?;
let y_pred = model.predict(&x_test)?;",
        units = c.units,
        lr = num(c.learning_rate),
        epochs = c.epochs,
        batch = c.batch_size
    )
}

/// The Keras layer of a sentence configuration (Python).
fn keras_layer(c: &SentenceConfig, units: &str, input: &str) -> String {
    match c.cell {
        CellName::SimpleRnn => format!(
            "tf.keras.layers.SimpleRNN({units}, activation='{}', return_sequences=True,\n                              input_shape=(None, {input}))",
            c.activation.name()
        ),
        CellName::Lstm => format!("tf.keras.layers.LSTM({units}, return_sequences=True,\n                         input_shape=(None, {input}))"),
        CellName::Gru => format!(
            "tf.keras.layers.GRU({units}, return_sequences=True, reset_after={},\n                        input_shape=(None, {input}))",
            if c.reset_after { "True" } else { "False" }
        ),
    }
}

/// The optimiser of a sentence configuration, with its clipping as Keras names it.
fn keras_optimizer(c: &SentenceConfig) -> String {
    let clip = match c.clip {
        ClipMode::None => String::new(),
        // The page clips all gradients together by their joint norm: Keras's global_clipnorm
        // (its clipnorm clips each weight's gradient on its own).
        ClipMode::Norm => format!(", global_clipnorm={}", num(c.clip_threshold)),
        ClipMode::Value => format!(", clipvalue={}", num(c.clip_threshold)),
    };
    match c.optimizer {
        OptimizerName::Adam => format!("tf.keras.optimizers.Adam(learning_rate={}{clip})", num(c.learning_rate)),
        OptimizerName::Sgd => format!("tf.keras.optimizers.SGD(learning_rate={}, momentum={}{clip})", num(c.learning_rate), num(c.momentum)),
    }
}

/// A Python list of strings.
fn py_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| serde_json::to_string(s).expect("a string")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The program that builds and trains this sentence configuration in Keras, in the style of
/// the article's example: the sentence and its vocabulary, one-hot inputs, the next token
/// as the target of each step, the same cell, optimiser, clipping and epochs. (Keras draws
/// its own first weights: to start from this page's, load a downloaded model file.)
pub fn sentence_keras(c: &SentenceConfig, tokens: &[String], vocabulary: &[String], end_id: u32) -> String {
    format!(
        "import numpy as np
import tensorflow as tf

# The sentence as this page splits it, and its vocabulary (the end marker last).
tokens = {tokens}
vocab = {vocab}
ids = [vocab.index(t) for t in tokens]
x = tf.one_hot([ids], len(vocab))           # (1, T, V): one token per step
y = np.array([ids[1:] + [{end_id}]])            # the next token of each step; the end marker last

model = tf.keras.models.Sequential([
    {layer},
    tf.keras.layers.Dense(len(vocab), activation='softmax')
])
model.compile(loss='sparse_categorical_crossentropy',
              optimizer={optimizer})
history = model.fit(x, y, epochs={epochs}, batch_size=1, verbose=0)
print('loss per epoch:', history.history['loss'][::{every}])
print('next-token probabilities:', model.predict(x, verbose=0)[0].round(3))",
        tokens = py_list(tokens),
        vocab = py_list(vocabulary),
        layer = keras_layer(c, &c.units.to_string(), "len(vocab)"),
        optimizer = keras_optimizer(c),
        epochs = c.epochs,
        every = (c.epochs / 10).max(1),
    )
}

/// Python that rebuilds the network of a downloaded model file in `tf.keras` and loads its
/// weights with `set_weights` (the file holds Keras's `get_weights()` arrays).
pub fn sentence_load_python(c: &SentenceConfig, file: &str) -> String {
    // A JSON string is a valid Python and JavaScript string, whatever the path holds.
    let file = serde_json::to_string(file).expect("a string");
    format!(
        "import json
import numpy as np
import tensorflow as tf

with open({file}) as f:
    m = json.load(f)
model = tf.keras.models.Sequential([
    {layer},
    tf.keras.layers.Dense(m['output_size'], activation='softmax')
])
model.set_weights([np.array(m['weights'][k], dtype='float32') for k in
                   ['kernel', 'recurrent_kernel', 'bias', 'dense_kernel', 'dense_bias']])
x = tf.one_hot([[m['vocabulary'].index(t) for t in m['tokens']]], m['input_size'])
print(model.predict(x, verbose=0)[0])   # each step's next-token probabilities, as on the page",
        layer = keras_layer(c, "m['units']", "m['input_size']"),
    )
}

/// JavaScript that rebuilds the network of a downloaded model file in TensorFlow.js and
/// loads its weights with `setWeights`.
pub fn sentence_load_tfjs(c: &SentenceConfig, file: &str) -> String {
    let layer = match c.cell {
        CellName::SimpleRnn => format!("tf.layers.simpleRNN({{ units: m.units, activation: '{}', returnSequences: true, inputShape: [null, m.input_size] }})", c.activation.name()),
        // (TensorFlow.js's gates default to the hard sigmoid; Keras's, and this engine's, are the sigmoid.)
        CellName::Lstm => "tf.layers.lstm({ units: m.units, recurrentActivation: 'sigmoid', returnSequences: true, inputShape: [null, m.input_size] })".to_string(),
        CellName::Gru if !c.reset_after => "tf.layers.gru({ units: m.units, recurrentActivation: 'sigmoid', resetAfter: false, returnSequences: true, inputShape: [null, m.input_size] })".to_string(),
        CellName::Gru => "tf.layers.gru({ units: m.units, recurrentActivation: 'sigmoid', resetAfter: false, returnSequences: true, inputShape: [null, m.input_size] })\n  // TensorFlow.js has only the GRU that resets before the product: this file's GRU\n  // (reset after, Keras's default) does not load into it.".to_string(),
    };
    let file = serde_json::to_string(file).expect("a string");
    format!(
        "import * as tf from '@tensorflow/tfjs';

const m = await (await fetch({file})).json();
const model = tf.sequential({{ layers: [
  {layer},
  tf.layers.dense({{ units: m.output_size, activation: 'softmax' }}),
] }});
model.setWeights(['kernel', 'recurrent_kernel', 'bias', 'dense_kernel', 'dense_bias'].map((k) => tf.tensor(m.weights[k])));
const x = tf.oneHot([m.tokens.map((t) => m.vocabulary.indexOf(t))], m.input_size).toFloat();
model.predict(x).print();   // each step's next-token probabilities, as on the page"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_program_is_the_seeds() {
        let keras = series_keras(&SeriesConfig::default());
        assert!(keras.contains("SimpleRNN(50, return_sequences=True") && keras.contains("optimizer='adam'") && keras.contains("epochs=20, batch_size=32"));
        assert_eq!(series_command(&SeriesConfig::default()), "rnnp train series");
        let c = SeriesConfig { sequences: 128, noise: 0.1, seed: 9, ..Default::default() };
        assert_eq!(series_command(&c), "rnnp train series --sequences 128 --noise 0.1 --seed 9");
    }

    #[test]
    fn the_sentence_program_names_every_setting_as_keras_does() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let (tokens, vocab) = (words("我 爱 北京 天安门"), words("我 爱 北京 天安门 <end>"));
        let keras = sentence_keras(&SentenceConfig::default(), &tokens, &vocab, 4);
        for piece in [
            "tokens = [\"我\", \"爱\", \"北京\", \"天安门\"]",
            "SimpleRNN(8, activation='tanh', return_sequences=True",
            "Dense(len(vocab), activation='softmax')",
            "loss='sparse_categorical_crossentropy'",
            "tf.keras.optimizers.Adam(learning_rate=0.01, global_clipnorm=5)",
            "epochs=300",
            "ids[1:] + [4]",
        ] {
            assert!(keras.contains(piece), "{piece} in\n{keras}");
        }
        let c = SentenceConfig {
            cell: CellName::Gru,
            optimizer: OptimizerName::Sgd,
            clip: ClipMode::Value,
            clip_threshold: 0.5,
            learning_rate: 0.1,
            reset_after: false,
            ..Default::default()
        };
        let keras = sentence_keras(&c, &tokens, &vocab, 4);
        assert!(keras.contains("GRU(8, return_sequences=True, reset_after=False"), "{keras}");
        assert!(keras.contains("SGD(learning_rate=0.1, momentum=0.9, clipvalue=0.5)"), "{keras}");
        assert!(sentence_load_python(&c, "m.json").contains("GRU(m['units'], return_sequences=True, reset_after=False"));
        assert!(sentence_load_tfjs(&c, "m.json").contains("tf.layers.gru({ units: m.units, recurrentActivation: 'sigmoid', resetAfter: false"));
        assert!(sentence_load_tfjs(&SentenceConfig { cell: CellName::Gru, ..Default::default() }, "m.json").contains("does not load"));
    }
}
