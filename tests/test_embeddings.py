from __future__ import annotations

import numpy as np

from wirewatch.embeddings import DIM, embed_texts

RAID = {
    "en": "Russian volunteers fighting for Ukraine crossed the border into the Belgorod region and took a village.",
    "de": "Russische Freiwillige, die für die Ukraine kämpfen, überquerten die Grenze zur Region Belgorod und nahmen ein Dorf ein.",
    "ru": "Российские добровольцы, воюющие за Украину, пересекли границу Белгородской области и захватили село.",
}
FLOOD = "Heavy rain flooded towns along the Danube in Bavaria and hundreds of residents were evacuated."


def test_embeddings_are_unit_vectors_one_per_text():
    vectors = embed_texts([RAID["en"], FLOOD])
    assert vectors.shape == (2, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_embeddings_translations_are_closer_than_another_topic():
    en, de, ru, flood = embed_texts([RAID["en"], RAID["de"], RAID["ru"], FLOOD])
    assert en @ de > en @ flood
    assert en @ ru > en @ flood
    assert de @ ru > de @ flood


def test_embeddings_empty_input_gives_no_vectors():
    assert embed_texts([]).shape == (0, DIM)
