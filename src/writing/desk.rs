//! The Write view's desk: a trained character model, the pen that writes with it one
//! character at a time, and what the page shows of each step (the ten likeliest next
//! characters before and after the temperature, the one drawn, h, c and the gates). Also
//! the loss history that arrives from training, for the loss chart.

use serde::Serialize;

use super::{finite_probs, pick, tempered, CharModel, Pen, TextHistory, TEMPERATURE};
use crate::error::{Result, RnnError};
use crate::rng::Rng;
use crate::settings::limits::{POEMS, POEM_CHARS};

/// Characters kept as columns of the hidden-state heatmap (the latest ones).
pub const COLUMNS: usize = 48;
/// Candidates shown for each step.
pub const TOP: usize = 10;

/// One possible next character.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Candidate {
    pub id: u32,
    pub text: String,
    /// The network's probability (temperature 1).
    pub p: f32,
    /// The probability it is drawn with at the temperature.
    pub drawn: f64,
}

/// What one step of writing shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct WriteStep {
    /// The character drawn (none before the first step: `top` is then the next one's).
    pub picked: Option<Candidate>,
    /// Its rank among all characters by p (1 = the likeliest).
    pub rank: usize,
    /// The ten likeliest characters of the distribution it was drawn from.
    pub top: Vec<Candidate>,
    /// The temperature of the draw.
    pub temperature: f64,
    /// The text so far: the seed, then what was written.
    pub text: String,
    /// Characters of `text` that are the seed.
    pub seed_chars: usize,
    /// h after the last character read; c (LSTM) and the gates of that step.
    pub h: Vec<f32>,
    pub c: Vec<f32>,
    /// [k·U]: LSTM i, f, g, o; GRU z, r, h̃; simple RNN its pre-activation.
    pub gates: Vec<f32>,
}

/// The model, the pen and what it wrote.
#[derive(Debug, Default)]
pub struct Desk {
    pub model: Option<CharModel>,
    pen: Option<Pen>,
    rng: Option<Rng>,
    /// The characters read and written so far.
    text: Vec<String>,
    seed_chars: usize,
    /// The distribution the last character was drawn from (or the next one's).
    last_probs: Vec<f32>,
    last_pick: Option<u32>,
    last_temperature: f64,
    /// h after each character, [n][U], the latest [`COLUMNS`].
    columns: Vec<f32>,
    pub history: TextHistory,
}

impl Desk {
    pub fn new() -> Self {
        Desk { last_temperature: 1.0, ..Default::default() }
    }

    /// Writes with `model` from now on (what it had written is cleared).
    pub fn use_model(&mut self, model: CharModel) {
        *self = Desk { model: Some(model), history: std::mem::take(&mut self.history), ..Desk::new() };
    }

    fn model(&self) -> Result<&CharModel> {
        self.model.as_ref().ok_or_else(|| RnnError::Missing { field: "model".into() })
    }

    /// Units of the model (0 without one).
    pub fn units(&self) -> usize {
        self.model.as_ref().map_or(0, |m| m.model.spec.units)
    }

    /// The pen reads `seed_text` from h_0 = 0; draws will come from `seed`.
    pub fn begin(&mut self, seed_text: &str, seed: u64) -> Result<WriteStep> {
        let model = self.model()?;
        let writer = model.writer();
        let ids = writer.seed_ids(seed_text)?;
        // One heatmap column per character read.
        let mut pen = writer.blank_pen();
        let mut columns = vec![];
        for &id in &ids {
            writer.read(&mut pen, id);
            columns.extend_from_slice(pen.h());
        }
        self.text = ids.iter().map(|&i| model.vocabulary[i as usize].clone()).collect();
        self.seed_chars = self.text.len();
        self.last_probs = pen.probs.clone();
        self.last_pick = None;
        self.pen = Some(pen);
        self.rng = Some(Rng::new(seed));
        self.columns = columns;
        self.trim_columns();
        Ok(self.view())
    }

    /// Keeps the latest [`COLUMNS`] columns.
    fn trim_columns(&mut self) {
        let keep = COLUMNS * self.units();
        if self.columns.len() > keep {
            self.columns.drain(..self.columns.len() - keep);
        }
    }

    /// Draws the next character at `temperature` and reads it.
    pub fn step(&mut self, temperature: f64) -> Result<WriteStep> {
        TEMPERATURE.check("temperature", temperature)?;
        let (Some(model), Some(pen), Some(rng)) = (self.model.as_ref(), self.pen.as_mut(), self.rng.as_mut()) else {
            return Err(RnnError::Missing { field: "seed text".into() });
        };
        finite_probs(&pen.probs)?;
        let id = pick(&pen.probs, temperature, rng);
        self.last_probs.clone_from(&pen.probs);
        model.writer().read(pen, id);
        self.text.push(model.vocabulary[id as usize].clone());
        self.columns.extend_from_slice(pen.h());
        self.last_pick = Some(id);
        self.last_temperature = temperature;
        self.trim_columns();
        Ok(self.view())
    }

    /// The last step again, its distribution shown at `temperature` (the slider moved).
    pub fn retemper(&mut self, temperature: f64) -> Result<WriteStep> {
        TEMPERATURE.check("temperature", temperature)?;
        self.last_temperature = temperature;
        Ok(self.view())
    }

    fn view(&self) -> WriteStep {
        let vocabulary = self.model.as_ref().map(|m| &m.vocabulary[..]).unwrap_or(&[]);
        let drawn = tempered(&self.last_probs, self.last_temperature);
        let candidate = |i: usize| Candidate { id: i as u32, text: vocabulary[i].clone(), p: self.last_probs[i], drawn: drawn[i] };
        // Likelier first; ties by id, so the order is the same everywhere.
        let before = |a: usize, b: usize| {
            let (pa, pb) = (self.last_probs[a], self.last_probs[b]);
            pa > pb || (pa == pb && a < b)
        };
        // The ten likeliest, kept in order as the vocabulary passes (no sort of all V).
        let mut top: Vec<usize> = Vec::with_capacity(TOP + 1);
        for i in 0..self.last_probs.len() {
            let at = top.iter().position(|&j| before(i, j)).unwrap_or(top.len());
            if at < TOP {
                top.insert(at, i);
                top.truncate(TOP);
            }
        }
        let picked = self.last_pick.map(|id| candidate(id as usize));
        let rank = self.last_pick.map_or(0, |id| 1 + (0..self.last_probs.len()).filter(|&i| before(i, id as usize)).count());
        let pen = self.pen.as_ref();
        WriteStep {
            picked,
            rank,
            top: top.into_iter().map(candidate).collect(),
            temperature: self.last_temperature,
            text: self.text.concat(),
            seed_chars: self.seed_chars,
            h: pen.map(|p| p.h().to_vec()).unwrap_or_default(),
            c: pen.map(|p| p.c().to_vec()).unwrap_or_default(),
            gates: pen.map(|p| p.gates().to_vec()).unwrap_or_default(),
        }
    }

    /// The hidden-state columns so far, [n][U], and the characters they read.
    pub fn columns(&self) -> (&[f32], Vec<String>) {
        let u = self.units().max(1);
        let n = self.columns.len() / u;
        (&self.columns, self.text[self.text.len() - n.min(self.text.len())..].to_vec())
    }

    /// `count` pieces at `temperature`: piece k is [`Desk::poem`] drawn from `seed + k`, so
    /// the same seed writes the same ones, and the page may write them one at a time.
    pub fn poems(&self, count: u64, seed_text: &str, end: &str, temperature: f64, seed: u64) -> Result<Vec<String>> {
        let count = POEMS.check("count", count)?;
        (0..count as u64).map(|k| self.poem(seed_text, end, temperature, seed.wrapping_add(k))).collect()
    }

    /// One piece at `temperature`, from the pen that has read `end` (a piece's end, so the
    /// network begins a new one; left out if the vocabulary lacks it) then `seed_text`,
    /// ending where the next piece would begin (`end`) or after [`POEM_CHARS`] characters.
    pub fn poem(&self, seed_text: &str, end: &str, temperature: f64, seed: u64) -> Result<String> {
        TEMPERATURE.check("temperature", temperature)?;
        let model = self.model()?;
        let writer = model.writer();
        let start = if !end.is_empty() && writer.encode(end).is_ok() { format!("{end}{seed_text}") } else { seed_text.to_string() };
        let mut pen = writer.pen(&start)?;
        let mut rng = Rng::new(seed);
        let mut poem = seed_text.to_string();
        for _ in 0..POEM_CHARS {
            finite_probs(&pen.probs)?;
            let id = pick(&pen.probs, temperature, &mut rng);
            poem.push_str(&model.vocabulary[id as usize]);
            if !end.is_empty() && poem.ends_with(end) {
                poem.truncate(poem.len() - end.len());
                break;
            }
            writer.read(&mut pen, id);
        }
        Ok(poem)
    }

    /// A character to start writing with when none is given: the most frequent one that is
    /// not a space or a line break (the vocabulary is most frequent first).
    pub fn usual_start(&self) -> Option<String> {
        self.model.as_ref()?.writer().usual_start()
    }
}
