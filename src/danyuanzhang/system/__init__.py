"""What dyz asks of the operating system: who else may read a file or a folder, whether the
dyz that left a temporary file still runs, files the user names, the clipboard, a fast SHA-256;
and of Python, a named tuple made cheaply (`tuples.Record`) and its cycle collector held off."""
