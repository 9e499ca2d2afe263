"""Trains the recsys model."""
