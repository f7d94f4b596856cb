"""Evaluation built in: the field's metrics, reimplemented."""
