"""botbaby._capture: a library's prints are caught, and its random draws seeded, in the calling thread only."""

import random
import sys
import threading
import types

import pytest

from botbaby._capture import own_random, prints_of


def chatty_module() -> types.ModuleType:
    """A module whose own code prints, as gpt-2-simple's and GetOldTweets3's do."""
    module = types.ModuleType("chatty")
    exec("import random, sys\n"
         "def work(what):\n    print('working on', what)\n    return sys.stdout\n"
         "def draw():\n    return random.randint(0, 10**9)\n", vars(module))
    return module


def test_this_threads_prints_are_caught_while_other_threads_print_to_stdout(capsys):
    chatty, caught, stdout = chatty_module(), [], sys.stdout
    other_started, other_done = threading.Event(), threading.Event()

    def other_thread():
        other_started.wait()
        print("a server thread logs")  # another module, same moment
        chatty.work("the other thread")  # the same library, in another thread
        other_done.set()

    threading.Thread(target=other_thread).start()
    with prints_of(chatty, caught.append):
        assert chatty.work("this thread") is stdout  # the library itself sees sys.stdout unchanged
        other_started.set()
        assert other_done.wait(10)
    assert caught == ["working on this thread\n"]
    assert capsys.readouterr().out == "a server thread logs\nworking on the other thread\n"
    assert sys.stdout is stdout and not hasattr(chatty, "print")


def test_two_threads_catching_the_same_library_each_get_their_own_output():
    chatty, barrier = chatty_module(), threading.Barrier(2)
    caught: dict[str, list[str]] = {"a": [], "b": []}

    def run(name):
        with prints_of(chatty, caught[name].append):
            barrier.wait()  # both inside at once
            for _ in range(50):
                chatty.work(name)
            barrier.wait()

    threads = [threading.Thread(target=run, args=(name,)) for name in caught]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert caught == {name: [f"working on {name}\n"] * 50 for name in caught}
    assert not hasattr(chatty, "print")


def test_a_catch_inside_a_catch_restores_the_outer_one_and_an_error_leaves_the_module_as_it_was():
    chatty, outer, inner = chatty_module(), [], []
    with pytest.raises(ValueError):
        with prints_of(chatty, outer.append):
            with prints_of(chatty, inner.append):
                chatty.work("inner")
            chatty.work("outer")
            raise ValueError("the library failed")
    assert (outer, inner) == (["working on outer\n"], ["working on inner\n"])
    assert not hasattr(chatty, "print")


def test_a_library_draws_from_its_own_seeded_generator_while_other_threads_keep_the_shared_one():
    chatty, shared = chatty_module(), random.getstate()
    inside = threading.Event()
    other: list[int] = []

    def other_thread():
        inside.wait()
        other.append(chatty.draw())  # the same library in another thread: the shared generator, as before

    thread = threading.Thread(target=other_thread)
    thread.start()
    with own_random(chatty, seed=3):
        first = chatty.draw()
        inside.set()
        thread.join(10)
        second = chatty.draw()
    seeded = random.Random(3)
    assert [first, second] == [seeded.randint(0, 10**9), seeded.randint(0, 10**9)]
    random.setstate(shared)
    assert other == [random.randint(0, 10**9)]  # drawn from the shared generator, which nothing reseeded
    assert chatty.random is random
