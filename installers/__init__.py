"""Build scripts for the Windows installer and the Linux package."""
