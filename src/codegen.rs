//! Texts the page shows as code: the command line and the Keras program of a configuration,
//! written from the config itself so they always match what the page runs.

use crate::series::SeriesConfig;

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
}
