"""Trains the forecast model."""
