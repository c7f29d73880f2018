// Plays a sequence of steps on a timer. Every start bumps a run counter, so a timer left
// from an earlier run (or a changed network) finds itself stale and stops.

export class Player {
  /**
   * @param {() => boolean} step     does one step; false when there is nothing left
   * @param {(playing: boolean) => void} onChange
   */
  constructor(step, onChange = () => {}) {
    this.step = step;
    this.onChange = onChange;
    this.run = 0;
    this.playing = false;
    this.interval = 700;
  }

  /** Speed factor: 1 is one token every 0.7 s. */
  setSpeed(factor) {
    this.interval = 700 / Math.max(0.1, factor);
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    const run = ++this.run;
    this.onChange(true);
    const tick = () => {
      if (run !== this.run || !this.playing) return;
      if (!this.step()) return this.pause();
      setTimeout(tick, this.interval);
    };
    setTimeout(tick, 0);
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.run++;
    this.onChange(false);
  }

  toggle() {
    this.playing ? this.pause() : this.play();
  }
}
