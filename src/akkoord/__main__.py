from akkoord.cli import main

raise SystemExit(main())
