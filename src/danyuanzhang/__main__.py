from danyuanzhang.cli import main

if __name__ == "__main__":  # not again in the process that reads a big bundle (Windows)
    main()
