"""Trains the fraud model."""
