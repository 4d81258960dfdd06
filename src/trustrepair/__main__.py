from trustrepair.cli import main

main()
