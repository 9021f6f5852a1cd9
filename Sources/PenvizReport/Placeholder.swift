// Reports: assembled in a later issue.
