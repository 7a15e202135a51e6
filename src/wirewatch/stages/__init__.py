"""Pipeline stages: one module each, one small public function each.

Stages import the model, never each other; `wirewatch.pipeline` runs them in order.
"""
