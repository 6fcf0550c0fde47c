"""Autocomplete pickers that survive any posted value.

When a form comes back with errors, Django's autocomplete widget looks the posted ids up again to
show what was picked (``…__in`` the posted values). A posted id too large for the database
(``99999999999999999999``, hand-made or a damaged form) makes SQLite raise ``OverflowError``
there — a 500 where the field's own check already said "invalid choice". These widgets look up
only ids a database can hold; the form still reports the bad value in Korean.

The picker's search (``/admin/autocomplete/?term=``) is not checked by a form as the list's search
box is: a NUL character in the term reaches PostgreSQL, which refuses it (a 500). The admins that
pickers search drop it from the term.
"""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple


class _PostedIdsOnly:
    def optgroups(self, name, value, attr=None):
        from .inlines import row_id

        pk = self.field.remote_field.model._meta.pk
        if pk.get_internal_type() in ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField"):
            value = [item for item in value if item in (None, "") or row_id(item) is not None]
        return super().optgroups(name, value, attr)


class BoundedAutocompleteSelect(_PostedIdsOnly, AutocompleteSelect):
    pass


class BoundedAutocompleteSelectMultiple(_PostedIdsOnly, AutocompleteSelectMultiple):
    pass


class BoundedAutocompleteAdmin:
    """Admin (or inline) mixin: its ``autocomplete_fields`` use the widgets above, and its search
    (which pickers of other admins use) ignores NUL characters."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = BoundedAutocompleteSelect(db_field, self.admin_site,
                                                         using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = BoundedAutocompleteSelectMultiple(db_field, self.admin_site,
                                                                 using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)
