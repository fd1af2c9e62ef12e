"""CAP major topics by group over a store of the demo motions."""

from __future__ import annotations

import pytest

from pipeline.report import cap_by_group


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from pipeline.batch import analyze_into_store
    from pipeline.paths import DEMO_DIR
    from pipeline.store import Store

    db = tmp_path_factory.mktemp("cap") / "demo.db"
    analyze_into_store([str(DEMO_DIR / "papers.json")], db)
    store = Store(db)
    yield store.conn
    store.close()


def test_cap_counts_follow_the_themes(demo_store):
    rep = cap_by_group(demo_store, min_n=1)
    total = {r["cap"]: r["count"] for r in rep.rows if r["group"] == "(all)"}
    themes = dict(
        demo_store.execute(
            "SELECT theme, COUNT(DISTINCT motion_id) FROM motion_themes GROUP BY theme"
        )
    )
    assert total[9] == themes.get("integration", 0)  # Immigration: integration motions only
    assert total[10] == themes.get("mobility", 0)
    assert 4 not in total  # agriculture is no theme's main code
    wide = cap_by_group(demo_store, min_n=1, all_codes=True)
    assert any(r["cap"] == 4 for r in wide.rows)
    assert {r["label"] for r in rep.rows} >= {"9 Immigration", "10 Transportation"}
