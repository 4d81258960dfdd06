"""Renderers: each turns one model into one view. Writing files is the caller's job."""
