from janji.cli import main

main()
