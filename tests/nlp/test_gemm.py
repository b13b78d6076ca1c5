"""The parse multiplies on numpy's BLAS, one thread, unless told to keep thinc's BLIS."""

from __future__ import annotations

import os
from types import SimpleNamespace
from typing import Any

import numpy
import pytest
from spacy.language import Language
from thinc.api import Linear, NumpyOps, chain

from eventwire.nlp.gemm import GEMM_ENV, THREAD_ENVS, use_numpy_gemm


def _fake_nlp() -> Any:
    model = chain(Linear(4, 3), Linear(2, 4))
    model.initialize(X=numpy.zeros((2, 3), dtype="float32"))
    return SimpleNamespace(pipeline=[("x", SimpleNamespace(model=model)), ("f", object())])


def test_gemm_every_layer_of_the_loaded_model_uses_numpy(nlp: Language) -> None:
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        assert all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in model.walk())


def test_gemm_one_blas_thread_unless_the_user_set_one(nlp: Language) -> None:
    from threadpoolctl import threadpool_info

    if any(os.environ.get(v) for v in THREAD_ENVS):
        pytest.skip("the environment sets the BLAS threads")
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_gemm_same_products_and_env_keeps_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_nlp()
    x = numpy.random.default_rng(0).random((5, 3), dtype="float32")
    before = fake.pipeline[0][1].model.predict(x)
    monkeypatch.setenv(GEMM_ENV, "blis")
    assert not use_numpy_gemm(fake)
    assert all(n.ops.use_blis for n in fake.pipeline[0][1].model.walk())
    monkeypatch.delenv(GEMM_ENV)
    assert use_numpy_gemm(fake)
    after = fake.pipeline[0][1].model.predict(x)
    assert not any(n.ops.use_blis for n in fake.pipeline[0][1].model.walk())
    assert numpy.allclose(before, after, atol=1e-6)
