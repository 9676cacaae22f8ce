"""URL reversing remembered: ``reverse()`` for the same name and arguments always gives the same path.

Profiling an uncached career path (``python -m bench.profile``) found ~68 ``{% url %}`` tags a page (the header,
every skill chip, every level, the role's other pages), each a full ``reverse()`` through the resolver: about
40 µs each on the benchmark machine, 2.5 ms of a 22 ms render. A path depends only on the URLconf, the script
prefix, the namespace asked for and the arguments, and none of these changes while a process serves requests, so
each distinct one is worked out once per process and then read from a dict.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString

# Every distinct (name, arguments) a worker links to: the header's and footer's, every skill's and field's, then a
# few dozen per role page. The site-wide ones are asked for on every page and stay; a role's own come and go (the
# least recently used make room, and a miss costs one reverse()). Entries are small (about 260 bytes with their
# arguments), but 50,000 of them were 13 MB of a worker that renders every role in turn; 4,096 are about 1 MB.
CACHED_PATHS = 4096

# Arguments that are remembered: what URL patterns take, by exact type (True == 1 as a key, but not as a path).
# Anything else (a model instance, say) is reversed each time, as its str() could change while its hash does not.
_PLAIN = (str, SafeString, int)


@lru_cache(maxsize=CACHED_PATHS)
def _reverse(
    urlconf: str | None, prefix: str, view_name: str, current_app: str | None, args: tuple, kwargs: tuple
) -> str:
    # ``prefix`` is in the key though reverse() reads it itself: the same name under another prefix is another path.
    return reverse(view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app)


def cached_reverse(view_name: str, *, args=(), kwargs=None, current_app: str | None = None) -> str:
    """``reverse()``, remembered for plain arguments; raises ``NoReverseMatch`` as it does."""
    kwargs = kwargs or {}
    if all(type(arg) in _PLAIN for arg in args) and all(type(v) in _PLAIN for v in kwargs.values()):
        return _reverse(
            get_urlconf(), get_script_prefix(), view_name, current_app, tuple(args), tuple(sorted(kwargs.items()))
        )
    return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)


@receiver(setting_changed)
def _forget(*, setting: str, **_) -> None:
    """A test that swaps the URLconf (or the script prefix's setting) gets paths worked out again."""
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _reverse.cache_clear()
