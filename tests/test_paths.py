"""Where derived files go: during tests, never into the project."""


def test_tests_cache_into_a_temporary_folder_never_the_projects():
    from analysis.paths import DATA, PROCESSED
    from analysis.token_cache import tokenize_table

    assert PROCESSED != DATA / "processed" and PROCESSED.is_dir()
    tokenize_table(["清江浦区召开项目攻坚推进会。"], progress=False)  # the default cache folder
    assert any((PROCESSED / "token_cache").iterdir())
