class ContentError(Exception):
    """A content file is malformed; the message names the file and the field."""

    def __init__(self, path, field, problem):
        self.path, self.field, self.problem = path, field, problem
        where = f"field '{field}'" if field else "file"
        super().__init__(f"{path}: {where}: {problem}")
