import sys

if __name__ == "__main__":  # not again in the process that reads a big bundle (Windows)
    if getattr(sys, "frozen", False):  # that process, in the one-folder build, stops here
        import multiprocessing

        multiprocessing.freeze_support()
    from danyuanzhang.cli import main

    main()
