#!/usr/bin/env python3
"""Reference for NTG's item-item co-occurrence kernel: times scipy.sparse's X^T X on the same binary user x item
matrix, single-threaded, and prints one JSON object on stdout.

  scipy_xtx.py --check                  print python/scipy/numpy versions (exit 3 if scipy or numpy is missing)
  scipy_xtx.py HEADER.json [REPEATS]    time X^T X on the CSR arrays HEADER.json names (REPEATS runs, default 3)

HEADER.json: {"users": U, "items": I, "interactions": N, "indptr": "indptr.i32", "indices": "indices.i32"} with the
two files beside it, raw little-endian int32 (row pointers of length U + 1, then the item index of each interaction).

"pairs" is counted as the Java kernel counts them: ordered pairs (i, j), i != j, one per user who has both,
i.e. sum_u n_u (n_u - 1). The same number is the sum of the off-diagonal entries of X^T X, which is checked here;
the distinct pairs are the off-diagonal nonzeros of X^T X (nnz minus the items that have a user).
"""
import os

# Before numpy loads: one thread everywhere, so the figure is throughput per core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import json
import platform
import resource
import sys
import time


def versions():
    import numpy
    import scipy
    return {"python": platform.python_version(), "numpy": numpy.__version__, "scipy": scipy.__version__}


def load(header_path):
    import numpy as np
    import scipy.sparse as sp
    with open(header_path, encoding="utf-8") as f:
        h = json.load(f)
    base = os.path.dirname(os.path.abspath(header_path))
    indptr = np.fromfile(os.path.join(base, h["indptr"]), dtype="<i4")
    indices = np.fromfile(os.path.join(base, h["indices"]), dtype="<i4")
    if len(indptr) != h["users"] + 1 or len(indices) != h["interactions"] or indptr[-1] != len(indices):
        raise SystemExit("scipy_xtx: %s does not match its arrays (indptr %d, indices %d)" % (header_path, len(indptr), len(indices)))
    data = np.ones(len(indices), dtype=np.int32)
    return sp.csr_matrix((data, indices, indptr), shape=(h["users"], h["items"]))


def main(argv):
    if len(argv) >= 2 and argv[1] == "--check":
        try:
            print(json.dumps(versions()))
        except ImportError as e:
            print("scipy_xtx: %s" % e, file=sys.stderr)
            return 3
        return 0
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    import numpy as np
    repeats = int(argv[2]) if len(argv) == 3 else 3
    x = load(argv[1])
    # The transpose is built outside the timing, as the Java kernel gets its item -> users CSR ready-made.
    xt = x.T.tocsr()
    runs = []
    result = None
    for _ in range(repeats):
        result = None
        c0, w0 = time.process_time(), time.perf_counter()
        result = xt @ x
        runs.append({"wall_seconds": time.perf_counter() - w0, "cpu_seconds": time.process_time() - c0})
    n = np.diff(x.indptr).astype(np.int64)
    pairs = int((n * (n - 1)).sum())
    diagonal = result.diagonal()
    total = int(result.sum(dtype=np.int64))
    out = dict(versions())
    out.update({
        "users": x.shape[0], "items": x.shape[1], "interactions": int(x.nnz),
        "pairs": pairs,
        "offdiagonal_sum": total - int(diagonal.sum(dtype=np.int64)),
        "nnz": int(result.nnz),
        "distinct_pairs": int(result.nnz) - int(np.count_nonzero(diagonal)),
        "runs": runs,
        "best_wall_seconds": min(r["wall_seconds"] for r in runs),
        "best_cpu_seconds": min(r["cpu_seconds"] for r in runs),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    })
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
