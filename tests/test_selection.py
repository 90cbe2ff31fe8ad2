"""One rule for photo captions: counted or left out by one parameter."""

import analysis
from analysis.paths import RAW
from analysis.selection import counted_items


def test_photo_captions_are_counted_or_left_out_by_one_parameter(tmp_path):
    articles = analysis.load_corpus(RAW, tmp_path)
    with_photos, without = counted_items(articles, photos=True), counted_items(articles, photos=False)
    assert len(with_photos) == len(articles) == len(without) + 1  # the sample prints one photo
    caption = with_photos[with_photos.kind == "photo"].text.iloc[0]
    assert "新质生产力" in caption and not without.text.str.contains("新质生产力").any()
