"""The public disclosure site: the register, each sheet (page and PDF), its published history,
and each official's record. Views stay thin: the querysets speak the domain."""
