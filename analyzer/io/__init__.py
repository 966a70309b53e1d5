"""Stage 1, inputs: files, folders, standard input, web pages and batch tables -> Article
records (or an InputError naming the file and line); errors.csv and --resume."""
