"""Trains the churn model and writes out/model.pkl and out/metrics.json."""
