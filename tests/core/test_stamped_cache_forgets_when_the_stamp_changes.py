"""core.caches.StampedCache: a per-process cache kept until its stamp changes, the stamp read every N seconds."""

from motcua.core.caches import StampedCache


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Source:
    def __init__(self):
        self.stamp, self.reads, self.builds = 1, 0, 0

    def read_stamp(self):
        self.reads += 1
        return self.stamp

    def build(self, value):
        def make():
            self.builds += 1
            return value

        return make


def cache_over(source, every=10.0):
    clock = Clock()
    return StampedCache(source.read_stamp, every=every, clock=clock), clock


def test_a_value_is_built_once_and_kept():
    source = Source()
    cache, _ = cache_over(source)
    assert cache.get("a", source.build("A")) == "A"
    assert cache.get("a", source.build("other")) == "A"
    assert source.builds == 1 and source.reads == 1


def test_the_stamp_is_read_at_most_every_n_seconds():
    source = Source()
    cache, clock = cache_over(source)
    cache.get("a", source.build("A"))
    source.stamp = 2
    clock.now += 9
    assert cache.get("a", source.build("B")) == "A" and source.reads == 1
    clock.now += 2
    assert cache.get("a", source.build("B")) == "B" and source.reads == 2
    assert cache.current_stamp == 2


def test_an_unchanged_stamp_keeps_the_values():
    source = Source()
    cache, clock = cache_over(source)
    cache.get("a", source.build("A"))
    clock.now += 60
    assert cache.get("a", source.build("B")) == "A" and source.reads == 2 and source.builds == 1


def test_every_zero_reads_the_stamp_on_every_look_up():
    source = Source()
    cache, _ = cache_over(source, every=0)
    for _ in range(3):
        cache.get("a", source.build("A"))
    assert source.reads == 3 and source.builds == 1


def test_every_may_be_a_function_read_at_each_look_up():
    source, seconds = Source(), [float("inf")]
    cache, clock = cache_over(source, every=lambda: seconds[0])
    cache.get("a", source.build("A"))
    source.stamp, clock.now = 2, clock.now + 1000
    assert cache.get("a", source.build("B")) == "A"
    seconds[0] = 0.0
    assert cache.get("a", source.build("B")) == "B"


def test_clear_forgets_values_and_stamp_at_once():
    source = Source()
    cache, _ = cache_over(source)
    cache.get("a", source.build("A"))
    cache.clear()
    assert cache.current_stamp is None
    assert cache.get("a", source.build("B")) == "B" and source.reads == 2


def test_keys_are_kept_apart():
    source = Source()
    cache, _ = cache_over(source)
    assert cache.get(1, source.build("one")) == "one"
    assert cache.get(2, source.build("two")) == "two"
    assert cache.get(1, source.build("x")) == "one"
