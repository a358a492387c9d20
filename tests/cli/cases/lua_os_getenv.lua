return { id = os.getenv("HOME") }
