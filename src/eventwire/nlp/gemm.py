"""The model's matrix products on numpy's BLAS (OpenBLAS), one thread per process.

thinc multiplies through its bundled BLIS, whose kernels here run at a third of OpenBLAS's
speed (31 vs ~90 GFLOPS single-threaded on this machine's AMD EPYC): the products are 40% of
a parse. `NumpyOps(use_blis=False)` sends them to numpy instead. The floats differ in their
last bits (another summation order), so a label could in principle flip; on 600 articles
(161k tokens) not one tag, head, label, lemma, morph or entity did. One BLAS thread: the
workers are the parallelism, and a worker must not take a second core from another.
`EVENTWIRE_GEMM=blis` keeps thinc's own.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

GEMM_ENV = "EVENTWIRE_GEMM"
THREAD_ENVS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def use_numpy_gemm(nlp: Language) -> bool:
    """Point every thinc layer of the pipeline at numpy's gemm; False when told not to."""
    if os.environ.get(GEMM_ENV, "").lower() == "blis":
        return False
    from thinc.api import NumpyOps

    if not any(os.environ.get(v) for v in THREAD_ENVS):  # a user's own setting wins
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True
