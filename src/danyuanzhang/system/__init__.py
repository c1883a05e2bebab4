"""What dyz asks of the operating system: who else may read a file or a folder, whether the
dyz that left a temporary file still runs, files the user names, the clipboard, a fast SHA-256;
and of Python, its cycle collector held off."""
