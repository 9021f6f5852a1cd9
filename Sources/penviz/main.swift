print("penviz")
