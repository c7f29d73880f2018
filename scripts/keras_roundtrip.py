"""Round trip through real Keras: model files as the page downloads them are loaded by the
page's own Python snippet (tf.keras, set_weights), and Keras's next-token probabilities
are compared with this engine's for the same file.

    python3 scripts/keras_roundtrip.py        (needs `pip install tensorflow`, and cargo)

For each setting below, `rnnp export --from-url LINK --python` writes the file the page's
"Download model" gives for that link and prints the snippet the page shows beside it; the
snippet runs here as it is; `rnnp trace` gives the engine's probabilities for the same file.
Exit status 1 if any probability differs by more than 1e-5.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINKS = [
    "?trained=300",
    "?activation=relu&units=12&trained=200",
    "?cell=lstm&trained=300",
    "?cell=gru&trained=300",
    "?cell=lstm&units=16&tokenize=chars&text=hello%20world&trained=150",
]


def rnnp(*args):
    return subprocess.run(["cargo", "run", "--quiet", "--release", "--bin", "rnnp", "--", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def main():
    import numpy as np  # noqa: F401  (the snippet imports it too)
    import tensorflow as tf

    print(f"TensorFlow {tf.__version__}, Keras {tf.keras.__version__ if hasattr(tf.keras, '__version__') else '?'}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for i, link in enumerate(LINKS):
            path = os.path.join(tmp, f"model{i}.json")
            snippet = rnnp("export", "--from-url", f"https://example.org/rnn-playground/{link}", "-o", path, "--python")
            with open(path) as f:
                m = json.load(f)
            # The engine's probabilities for the file's sentence.
            ids = [m["vocabulary"].index(t) for t in m["tokens"]]
            x = [[1.0 if k == i else 0.0 for k in range(m["input_size"])] for i in ids]
            request = os.path.join(tmp, f"input{i}.json")
            with open(request, "w") as f:
                json.dump({"x": x, "y": ids[1:] + [len(m["vocabulary"]) - 1], "loss": "cross_entropy"}, f)
            ours = np.array(json.loads(rnnp("trace", "--model", path, "--input", request))["outputs"])
            # The page's snippet, as it is, then its model on its input.
            ns = {}
            exec(snippet.replace("print(model.predict(x, verbose=0)[0])", "pass"), ns)
            keras = ns["model"].predict(ns["x"], verbose=0)[0]
            diff = float(np.abs(keras - ours).max())
            worst = max(worst, diff)
            print(f"{link:70s} {m['cell']:10s} units {m['units']:3d}  V {m['input_size']:2d}  max |Keras - engine| = {diff:.2e}")
    print(f"worst difference {worst:.2e} (goal: at most 1e-5)")
    sys.exit(0 if worst <= 1e-5 else 1)


if __name__ == "__main__":
    main()
