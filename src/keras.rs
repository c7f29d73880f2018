//! The seed's Keras program, in this engine's words.
//!
//! ```python
//! model = tf.keras.models.Sequential([
//!     tf.keras.layers.SimpleRNN(50, return_sequences=True, input_shape=(None, 1)),
//!     tf.keras.layers.Dense(1)
//! ])
//! model.compile(loss='mean_squared_error', optimizer='adam')
//! model.fit(x_train, y_train, epochs=20, batch_size=32)
//! y_pred = model.predict(x_test)
//! ```
//!
//! ```
//! use rnn_playground::keras::{Layer, Loss, Sequential, Sequences};
//! use rnn_playground::train::OptimizerConfig;
//! # let x_train = Sequences::new(64, 10, 1, vec![0.1; 640]).unwrap();
//! # let y_train = x_train.clone();
//! # let x_test = x_train.clone();
//! let mut model = Sequential::new(vec![
//!     Layer::simple_rnn(50).return_sequences(true).input_shape(None, 1),
//!     Layer::dense(1),
//! ]).unwrap();
//! model.compile(Loss::MeanSquaredError, OptimizerConfig::adam(0.001)).unwrap();
//! let history = model.fit(&x_train, &y_train, 20, 32).unwrap();
//! let y_pred = model.predict(&x_test).unwrap();
//! assert_eq!(history.loss.len(), 20);
//! assert_eq!(y_pred.shape(), (64, 10, 1));
//! ```

use crate::activation::Activation;
use crate::error::{KerasRule, Result, RnnError};
use crate::init::{init_model, InitConfig};
use crate::loss::LossAt;
use crate::model::{CellKind, Model, OutputKind, Spec};
use crate::network::{forward, Initial, Inputs, Workspace};
use crate::train::{Dataset, OptimizerConfig, SeqInputs, SeqTargets, TrainConfig, Trainer};

/// A batch of N sequences of T steps of F features, [N][T][F] like a NumPy array.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequences {
    pub n: usize,
    pub t: usize,
    pub f: usize,
    pub data: Vec<f32>,
}

impl Sequences {
    /// Wraps a buffer, checking its length is N·T·F.
    pub fn new(n: usize, t: usize, f: usize, data: Vec<f32>) -> Result<Self> {
        if data.len() != n * t * f {
            return Err(RnnError::shape("x", format!("[{}]", n * t * f), format!("[{}]", data.len())));
        }
        Ok(Sequences { n, t, f, data })
    }

    /// (N, T, F), as NumPy's `shape`.
    pub fn shape(&self) -> (usize, usize, usize) {
        (self.n, self.t, self.f)
    }
}

/// A layer of a [`Sequential`] model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Layer {
    /// A recurrent layer: `SimpleRNN`, `LSTM` or `GRU`.
    Recurrent { cell: CellKind, units: usize, return_sequences: bool, input_features: Option<usize> },
    /// `Dense(units)` applied at every step.
    Dense { units: usize, softmax: bool },
}

impl Layer {
    /// `SimpleRNN(units)` with tanh.
    pub fn simple_rnn(units: usize) -> Self {
        Layer::Recurrent { cell: CellKind::SimpleRnn { activation: Activation::Tanh }, units, return_sequences: false, input_features: None }
    }
    /// `LSTM(units)`.
    pub fn lstm(units: usize) -> Self {
        Layer::Recurrent { cell: CellKind::Lstm, units, return_sequences: false, input_features: None }
    }
    /// `GRU(units)` (reset_after=True, as TF2).
    pub fn gru(units: usize) -> Self {
        Layer::Recurrent { cell: CellKind::Gru { reset_after: true }, units, return_sequences: false, input_features: None }
    }
    /// `Dense(units)`.
    pub fn dense(units: usize) -> Self {
        Layer::Dense { units, softmax: false }
    }
    /// `return_sequences=...`: an output at every step (true) or only the last (false).
    pub fn return_sequences(mut self, value: bool) -> Self {
        if let Layer::Recurrent { return_sequences, .. } = &mut self {
            *return_sequences = value;
        }
        self
    }
    /// `input_shape=(None, features)`: any number of steps, `features` per step.
    pub fn input_shape(mut self, _steps: Option<usize>, features: usize) -> Self {
        if let Layer::Recurrent { input_features, .. } = &mut self {
            *input_features = Some(features);
        }
        self
    }
    /// `activation=` of a simple RNN, or `activation='softmax'` of a dense layer.
    pub fn activation(mut self, name: &str) -> Self {
        match &mut self {
            Layer::Recurrent { cell: CellKind::SimpleRnn { activation }, .. } => {
                if let Ok(a) = <Activation as crate::settings::Choices>::parse("activation", name) {
                    *activation = a;
                }
            }
            Layer::Dense { softmax, .. } => *softmax = name == "softmax",
            _ => {}
        }
        self
    }
}

/// The loss argument of `compile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// `loss='mean_squared_error'`.
    MeanSquaredError,
    /// `loss='sparse_categorical_crossentropy'` on a softmax output.
    SparseCategoricalCrossentropy,
}

/// `model.fit`'s return value: the loss of every epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// `history.history['loss']`.
    pub loss: Vec<f32>,
}

/// A recurrent layer followed by a dense layer, built and trained as in Keras.
#[derive(Debug, Clone)]
pub struct Sequential {
    pub model: Model,
    return_sequences: bool,
    compiled: Option<(Loss, OptimizerConfig)>,
    /// Seed of the initial weights and the shuffling (Keras: `keras.utils.set_random_seed`).
    pub seed: u64,
}

impl Sequential {
    /// Builds the model from [recurrent, dense], with Keras's default initialisers.
    pub fn new(layers: Vec<Layer>) -> Result<Self> {
        Self::with_seed(layers, 42)
    }

    /// As [`Sequential::new`], with a chosen seed.
    pub fn with_seed(layers: Vec<Layer>, seed: u64) -> Result<Self> {
        let [Layer::Recurrent { cell, units, return_sequences, input_features }, Layer::Dense { units: out, softmax }] = layers[..] else {
            return Err(RnnError::Keras { rule: KerasRule::RecurrentThenDense });
        };
        let input_size = input_features.ok_or(RnnError::Keras { rule: KerasRule::NeedsInputShape })?;
        let spec = Spec { cell, input_size, units, output_size: out, output: if softmax { OutputKind::Softmax } else { OutputKind::Linear } };
        let model = init_model(spec, &InitConfig { seed, ..Default::default() })?;
        Ok(Sequential { model, return_sequences, compiled: None, seed })
    }

    /// `model.compile(loss=..., optimizer=...)`.
    pub fn compile(&mut self, loss: Loss, optimizer: OptimizerConfig) -> Result<()> {
        optimizer.validate()?;
        if loss == Loss::SparseCategoricalCrossentropy && self.model.spec.output != OutputKind::Softmax {
            return Err(RnnError::conflict("loss", "sparse_categorical_crossentropy", "output", "linear"));
        }
        self.compiled = Some((loss, optimizer));
        Ok(())
    }

    /// `model.fit(x, y, epochs, batch_size)`, shuffling every epoch; returns the history.
    pub fn fit(&mut self, x: &Sequences, y: &Sequences, epochs: usize, batch_size: usize) -> Result<History> {
        self.fit_with_progress(x, y, epochs, batch_size, |_, _| {})
    }

    /// `fit` that calls `progress(epoch, loss)` after every epoch.
    pub fn fit_with_progress(
        &mut self,
        x: &Sequences,
        y: &Sequences,
        epochs: usize,
        batch_size: usize,
        mut progress: impl FnMut(usize, f32),
    ) -> Result<History> {
        let mut trainer = self.trainer(x, y, batch_size)?;
        let data = self.dataset(x, y)?;
        let mut history = History { loss: vec![] };
        for epoch in 0..epochs {
            let loss = trainer.train_epoch(&data);
            self.model.params.copy_from_slice(&trainer.model.params);
            let loss = loss?;
            history.loss.push(loss);
            progress(epoch + 1, loss);
        }
        Ok(history)
    }

    /// A [`Trainer`] set up as `fit` would be, for callers that train in slices.
    pub fn trainer(&self, x: &Sequences, y: &Sequences, batch_size: usize) -> Result<Trainer> {
        let (loss, optimizer) = self.compiled.ok_or(RnnError::Keras { rule: KerasRule::CompileFirst })?;
        self.check(x, y, loss)?;
        let config = TrainConfig {
            optimizer,
            batch_size,
            loss_at: if self.return_sequences { LossAt::EveryStep } else { LossAt::LastStep },
            seed: self.seed,
            ..Default::default()
        };
        Trainer::new(self.model.clone(), config)
    }

    /// The data set `fit` trains on.
    pub fn dataset(&self, x: &Sequences, y: &Sequences) -> Result<Dataset> {
        if let Some((loss, _)) = self.compiled {
            self.check(x, y, loss)?;
        }
        let y_steps = self.targets_per_step(x, y);
        let targets = match self.compiled.map(|c| c.0) {
            Some(Loss::SparseCategoricalCrossentropy) => SeqTargets::Classes(
                y_steps
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| {
                        if !(v.is_finite() && v.fract() == 0.0) {
                            Err(RnnError::NotWhole { field: format!("y_train[{i}]"), value: v.to_string() })
                        } else if v >= 0.0 && (v as usize) < self.model.spec.output_size {
                            Ok(v as u32)
                        } else {
                            Err(RnnError::ClassOutOfRange { field: "y_train".into(), step: i % x.t, class: v as i64, classes: self.model.spec.output_size })
                        }
                    })
                    .collect::<Result<_>>()?,
            ),
            _ => SeqTargets::Values { outputs: y.f, data: y_steps },
        };
        Dataset::new(x.n, x.t, SeqInputs::Dense { features: x.f, data: x.data.clone() }, targets)
    }

    fn check(&self, x: &Sequences, y: &Sequences, loss: Loss) -> Result<()> {
        let spec = self.model.spec;
        if x.f != spec.input_size {
            return Err(RnnError::shape("x_train", format!("[N][T][{}]", spec.input_size), format!("[{}][{}][{}]", x.n, x.t, x.f)));
        }
        let want_f = if loss == Loss::MeanSquaredError { spec.output_size } else { 1 };
        // return_sequences=True: a target at every step, [N][T][·]; False: one per
        // sequence, [N][1][·] (Keras's [N][·]), for the last step.
        let want_t = if self.return_sequences { x.t } else { 1 };
        if y.n != x.n || y.t != want_t || y.f != want_f {
            return Err(RnnError::shape("y_train", format!("[{}][{}][{}]", x.n, want_t, want_f), format!("[{}][{}][{}]", y.n, y.t, y.f)));
        }
        Ok(())
    }

    /// y as the trainer reads it, [N][T][·]: as given, or (return_sequences=False) each
    /// sequence's one target placed at its last step (the others are not read).
    fn targets_per_step(&self, x: &Sequences, y: &Sequences) -> Vec<f32> {
        if self.return_sequences || x.t == 1 {
            return y.data.clone();
        }
        let mut data = vec![0.0; x.n * x.t * y.f];
        for s in 0..x.n {
            let dst = (s * x.t + x.t - 1) * y.f;
            data[dst..dst + y.f].copy_from_slice(&y.data[s * y.f..(s + 1) * y.f]);
        }
        data
    }

    /// `model.predict(x)`: the outputs at every step, [N][T][O]; with
    /// return_sequences=False only the last step's, [N][1][O] (Keras's [N][O]).
    pub fn predict(&self, x: &Sequences) -> Result<Sequences> {
        let spec = self.model.spec;
        if x.f != spec.input_size {
            return Err(RnnError::shape("x", format!("[N][T][{}]", spec.input_size), format!("[{}][{}][{}]", x.n, x.t, x.f)));
        }
        if x.t == 0 {
            return Err(RnnError::Empty { field: "x".into() });
        }
        let (n, t, f, o) = (x.n, x.t, x.f, spec.output_size);
        let batch = 256.min(n.max(1));
        let mut ws = Workspace::new();
        let mut out = vec![0.0; n * t * o];
        let mut xt = vec![0.0; t * batch * f];
        let mut start = 0;
        while start < n {
            let b = batch.min(n - start);
            xt.resize(t * b * f, 0.0);
            for s in 0..b {
                for step in 0..t {
                    let src = ((start + s) * t + step) * f;
                    xt[(step * b + s) * f..(step * b + s + 1) * f].copy_from_slice(&x.data[src..src + f]);
                }
            }
            forward(&self.model, Inputs::Dense(&xt), t, b, Initial::Zero, &mut ws);
            for s in 0..b {
                for step in 0..t {
                    let dst = ((start + s) * t + step) * o;
                    out[dst..dst + o].copy_from_slice(&ws.outputs[(step * b + s) * o..(step * b + s + 1) * o]);
                }
            }
            start += b;
        }
        if self.return_sequences {
            return Sequences::new(n, t, o, out);
        }
        let last: Vec<f32> = (0..n).flat_map(|s| out[((s * t + t - 1) * o)..((s * t + t) * o)].iter().copied()).collect();
        Sequences::new(n, 1, o, last)
    }
}
