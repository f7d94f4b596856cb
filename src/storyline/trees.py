"""Gradient-boosted trees stored as plain JSON and walked with numpy.

scikit-learn fits the models (``HistGradientBoostingClassifier``) in the training scripts; the
package evaluates them here, so that it needs no pickle and no scikit-learn at run time. Used by
the plain-text path's line model (``clean.line_model``) and the timeline's headline finder
(``chronology.headline``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Forest"]


@dataclass(frozen=True)
class Forest:
    """Gradient-boosted regression trees, all packed into flat node arrays: a leaf points to
    itself, so every line walks every tree the same number of steps."""

    baseline: float
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int

    @classmethod
    def from_dict(cls, data: dict) -> "Forest":
        return cls(float(data["baseline"]), np.asarray(data["feature"], np.intp),
                   np.asarray(data["threshold"], float), np.asarray(data["left"], np.intp),
                   np.asarray(data["right"], np.intp), np.asarray(data["value"], float),
                   np.asarray(data["roots"], np.intp), int(data["depth"]))

    def logit(self, x: np.ndarray) -> np.ndarray:
        """The log-odds of the positive class for every row of ``x`` (a row goes left when its feature is
        at most the node's threshold)."""
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        rows = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(left, self.left[node], self.right[node])
        return self.baseline + self.value[node].sum(axis=1)

    def probability(self, x: np.ndarray) -> np.ndarray:
        """The probability of the positive class for every row of ``x``."""
        return 1.0 / (1.0 + np.exp(-self.logit(x)))
