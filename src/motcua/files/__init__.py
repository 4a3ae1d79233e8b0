"""Files of dossiers: uploads checked by content, stored privately through Django's storage API, digitisation of
components (SPEC §1.7, §7.3), reuse from the applicant's data store, electronic results and their downloads."""
