"""Simulators that speak the devices' bytes over pseudo-terminals, with faults on command."""
