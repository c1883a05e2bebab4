from danyuanzhang.cli import main

main()
