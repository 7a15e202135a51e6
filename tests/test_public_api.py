import wirewatch


def test_public_api_exports_exactly_all():
    public = {name for name in vars(wirewatch) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(wirewatch, name)).__name__ == "module"}
    assert public - modules == set(wirewatch.__all__)
